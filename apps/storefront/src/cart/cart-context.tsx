import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';

import type { Cart, CartLine } from './cart';
import { addToCart, itemCount, parseCart, removeFromCart, setQuantity, totalCents } from './cart';

/** The cart is kept in the browser (localStorage), not on the server: it survives reloads. */
const CART_KEY = 'bookstore.cart';

/** The cart and its operations. */
export interface CartState {
  lines: Cart;
  count: number;
  totalCents: number;
  add(line: CartLine): void;
  setQuantity(bookId: string, quantity: number): void;
  remove(bookId: string): void;
  clear(): void;
}

const CartContext = createContext<CartState | undefined>(undefined);

/** Holds the cart, stores every change, and follows changes made in other tabs. */
export function CartProvider({ children }: { children: ComponentChildren }) {
  const [lines, setLines] = useState<Cart>(() => parseCart(localStorage.getItem(CART_KEY)));

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === CART_KEY) setLines(parseCart(event.newValue));
    };
    addEventListener('storage', onStorage);
    return () => removeEventListener('storage', onStorage);
  }, []);

  const state = useMemo<CartState>(() => {
    // From the latest cart, not the rendered one: two quick clicks both count.
    const update = (change: (cart: Cart) => Cart) =>
      setLines((current) => {
        const next = change(current);
        localStorage.setItem(CART_KEY, JSON.stringify(next));
        return next;
      });
    return {
      lines,
      count: itemCount(lines),
      totalCents: totalCents(lines),
      add: (line) => update((cart) => addToCart(cart, line)),
      setQuantity: (bookId, quantity) => update((cart) => setQuantity(cart, bookId, quantity)),
      remove: (bookId) => update((cart) => removeFromCart(cart, bookId)),
      clear: () => update(() => []),
    };
  }, [lines]);
  return <CartContext.Provider value={state}>{children}</CartContext.Provider>;
}

/** The cart (inside CartProvider). */
export function useCart(): CartState {
  const cart = useContext(CartContext);
  if (!cart) throw new Error('useCart outside CartProvider');
  return cart;
}
