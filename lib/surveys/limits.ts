// Limits shared by the server's answer validation and the respondent's browser (kept free of imports so
// that the hosted form does not pull zod or the metric code into its bundle).
export const TEXT_MAX_LENGTH = 5000;
