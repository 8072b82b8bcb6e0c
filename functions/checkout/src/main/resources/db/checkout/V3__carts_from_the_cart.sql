-- The checkout no longer keeps a replica of carts: its saga asks the cart itself (FreezeCart).
drop table cart_snapshots;
