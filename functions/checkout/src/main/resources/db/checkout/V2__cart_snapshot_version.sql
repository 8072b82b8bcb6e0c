-- The cart's own version as its API shows it, so a checkout can ask for exactly the cart a shopper saw.
alter table cart_snapshots add column cart_version bigint;
