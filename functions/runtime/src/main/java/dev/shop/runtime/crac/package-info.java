/** Connections closed before a CRaC/SnapStart checkpoint and opened again after the restore. */
package dev.shop.runtime.crac;
