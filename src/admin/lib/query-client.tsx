// One react-query client for the plugin's pages and widgets. The dashboard has its own provider;
// wrapping ours keeps the plugin working whichever copy of @tanstack/react-query it resolves.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import type { ComponentType } from "react"

export const recoQueryClient = new QueryClient({
  defaultOptions: {
    queries: { refetchOnWindowFocus: false, staleTime: 5_000, retry: 1 },
  },
})

export function withRecoQueryClient<P extends object>(Component: ComponentType<P>): ComponentType<P> {
  const Wrapped = (props: P) => (
    <QueryClientProvider client={recoQueryClient}>
      <Component {...props} />
    </QueryClientProvider>
  )
  Wrapped.displayName = `WithRecoQueryClient(${Component.displayName ?? Component.name ?? "Component"})`
  return Wrapped
}
