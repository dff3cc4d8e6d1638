// PLACEHOLDER of the agreement (helper "settlement-ui-payments" replaces it): company header and bank details (设置).
export function CompanySection(_props: Record<string, unknown>) {
  return null;
}
