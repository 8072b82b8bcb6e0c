/** Each module's Postgres schema: its migrations, and the deploy-time migrateModule. */
package dev.shop.runtime.db;
