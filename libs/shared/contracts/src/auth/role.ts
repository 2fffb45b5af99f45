/** Roles carried in access tokens. Every registered user is a `customer`. */
export enum Role {
  Customer = 'customer',
  Admin = 'admin',
}
