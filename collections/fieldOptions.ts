/** Field settings several collections share. */

/** A calendar day, shown and picked as dd/MM/yyyy. */
export const dayOnly = { date: { displayFormat: 'dd/MM/yyyy', pickerAppearance: 'dayOnly' as const } }

/** Field access for a value fixed once the document exists: shown read-only, never changed by an update. */
export const fixedAfterCreate = { update: () => false }
