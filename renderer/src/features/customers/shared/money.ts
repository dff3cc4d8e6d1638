// Money formatting is shared (status texts use it too); this name stays for the files still importing it here.
export { centsToYuan, formatCents } from '../../../shared/money';
