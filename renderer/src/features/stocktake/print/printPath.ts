/** The stocktake report made for printing (A4; saved as PDF from the print dialog). */
export const stocktakePrintPath = (id: number) => `/print/stocktake/${id}`;
