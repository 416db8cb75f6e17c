import { z } from "zod";
import { paginationQuery } from "../http/pagination";

const id = z.string().min(1).max(64);

export const responseListQuery = paginationQuery.extend({
  surveyId: id.optional(),
  customerId: id.optional(),
  touchpointId: id.optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});
export type ResponseListQuery = z.infer<typeof responseListQuery>;
