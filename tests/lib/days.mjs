// Calendar days as the server counts them: YYYY-MM-DD in Amsterdam.

// Today in Amsterdam.
export function todayAms() {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam',
	    year: 'numeric', month: '2-digit', day: '2-digit' })
	    .format(new Date());
}

// The day n days after day (n may be negative).
export function addDays(day, n) {
	const t = Date.parse(`${day}T00:00:00Z`) + n * 86400000;
	return new Date(t).toISOString().slice(0, 10);
}

// Days from a to b.
export function daysBetween(a, b) {
	return Math.round((Date.parse(`${b}T00:00:00Z`) -
	    Date.parse(`${a}T00:00:00Z`)) / 86400000);
}
