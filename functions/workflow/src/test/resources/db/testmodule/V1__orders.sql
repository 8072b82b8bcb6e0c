-- A deploying module's own migration, to show that its V1, V2, ... and the workflow's V100+ live side by side.
create table orders (
    id          text primary key,
    checkout_id text not null unique
);
