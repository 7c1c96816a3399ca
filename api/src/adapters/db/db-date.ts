/**
 * "YYYY-MM-DD" ↔ a PostgreSQL `date` column. Prisma maps dates to JS Dates;
 * we keep them at UTC midnight so the host's time zone never shifts the day.
 */
export function toDbDate(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function fromDbDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
