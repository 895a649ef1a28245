import { Table } from "@medusajs/ui"

type Props = { count: number; limit: number; offset: number; onOffset: (offset: number) => void }

/** Medusa's table pagination over the API's limit/offset. */
export const Pager = ({ count, limit, offset, onOffset }: Props) => {
  const pageCount = Math.max(1, Math.ceil(count / limit))
  const pageIndex = Math.floor(offset / limit)
  return (
    <Table.Pagination
      count={count}
      pageSize={limit}
      pageIndex={pageIndex}
      pageCount={pageCount}
      canPreviousPage={pageIndex > 0}
      canNextPage={pageIndex + 1 < pageCount}
      previousPage={() => onOffset(Math.max(0, offset - limit))}
      nextPage={() => onOffset(offset + limit)}
    />
  )
}
