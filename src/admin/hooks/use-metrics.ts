import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { recoApi } from "../lib/api"
import { recoKeys } from "../lib/query-keys"
import type { MetricsQuery } from "../lib/types"

export const useMetrics = (query: MetricsQuery) =>
  useQuery({ queryKey: recoKeys.metrics(query), queryFn: () => recoApi.metrics(query), placeholderData: keepPreviousData })
