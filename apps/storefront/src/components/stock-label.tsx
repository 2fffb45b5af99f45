/** How many copies are left, "Sold out" at 0, a warning when few remain. */
export function StockLabel({ stock }: { stock: number }) {
  if (stock <= 0) return <span class="stock-out">Sold out</span>;
  if (stock <= 3) return <span class="stock-low">Only {stock} left</span>;
  return <span class="muted">{stock} in stock</span>;
}
