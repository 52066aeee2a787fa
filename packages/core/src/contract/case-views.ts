/** Response schemas (and request schemas not yet elsewhere) of this area; filled in by issue 11. */
export {};
