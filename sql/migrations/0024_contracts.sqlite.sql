-- schakel 0024: care contracts and the gap report (domain/contract.c,
-- insight/gap.c).
--
-- care_contract: what a municipality or region buys: a provider
-- organisation, a care type of the help-needs catalogue, a capacity in
-- places or hours, the care-coordination region it serves, and a period
-- of whole days (days since the epoch, to_day >= from_day).  owner_org
-- is the organisation of the policy user who registered it.  No personal
-- data.  ended_at is set when the contract was ended before its time.
--
-- gap_result: the protected demand of the gap report for one region and
-- one year through the quarters closed when it was first asked for:
-- cells as published (insight/result.c encoding), never a true count.
-- Every later request for that region, year and quarters is served
-- these rows, so two releases cannot be subtracted.

CREATE TABLE care_contract (
	id		INTEGER PRIMARY KEY,
	owner_org	INTEGER NOT NULL REFERENCES org (id),
	provider_org	INTEGER NOT NULL REFERENCES org (id),
	care_type	TEXT NOT NULL,
	capacity	INTEGER NOT NULL CHECK (capacity > 0),
	unit		TEXT NOT NULL CHECK (unit IN ('places', 'hours')),
	region_id	INTEGER NOT NULL REFERENCES region (id),
	from_day	INTEGER NOT NULL,
	to_day		INTEGER NOT NULL,
	ended_at	INTEGER,
	created_by	INTEGER NOT NULL REFERENCES app_user (id),
	created_at	INTEGER NOT NULL,
	updated_by	INTEGER NOT NULL REFERENCES app_user (id),
	updated_at	INTEGER NOT NULL,
	CHECK (to_day >= from_day)
);
CREATE INDEX care_contract_region ON care_contract (region_id, from_day);

CREATE TABLE gap_result (
	year		INTEGER NOT NULL,
	quarters	INTEGER NOT NULL CHECK (quarters BETWEEN 1 AND 4),
	region_id	INTEGER NOT NULL REFERENCES region (id),
	threshold	INTEGER NOT NULL,
	rounding	INTEGER NOT NULL,
	care_types	TEXT NOT NULL,
	cells		TEXT NOT NULL,
	computed_at	INTEGER NOT NULL,
	PRIMARY KEY (year, quarters, region_id)
);
