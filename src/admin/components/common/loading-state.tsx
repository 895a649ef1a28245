import { Skeleton } from "@medusajs/ui"

export const LoadingState = ({ rows = 3 }: { rows?: number }) => (
  <div className="flex flex-col gap-y-2 px-6 py-4" aria-busy="true">
    {Array.from({ length: rows }, (_, i) => (
      <Skeleton key={i} className="h-7 w-full" />
    ))}
  </div>
)
