/** The rows of a correction: shared with the core's .xlsx export (electron/core/stocktake/shared/correction-rows.ts). */
export { type CorrectionField, type CorrectionRow, correctionRows, proposedText } from '../../../../../electron/core/stocktake/shared/correction-rows';
