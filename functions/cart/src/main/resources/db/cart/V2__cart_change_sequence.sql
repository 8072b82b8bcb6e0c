-- Versions of CartChanged events: monotonic across a cart's deletion and re-creation (the cart's own
-- version restarts), so replicas that keep the newest version never ignore a re-created cart.
create sequence cart_change_seq;
