-- schakel 0017: providers, what they offer and their capacity.
--
-- provider_profile: one row per organisation of type provider that has
-- declared anything: the target groups it takes (flags), its capacity
-- (free places, waiting weeks) and when and by whom the offer and the
-- capacity were last updated.  No personal data: nothing is sealed and
-- retention has nothing to purge here.
-- provider_care: the care types offered (help-needs catalogue ids),
-- keyed by care type first for the fitting search.
-- provider_muni / provider_region: the area served, municipalities
-- directly or regions (a region stands for its municipalities through
-- region_municipality).
-- provider_language: ISO 639-1 codes the provider works in.

CREATE TABLE provider_profile (
	org_id		BIGINT PRIMARY KEY REFERENCES org (id),
	for_minors	BIGINT NOT NULL DEFAULT 0,
	for_adults	BIGINT NOT NULL DEFAULT 0,
	for_men		BIGINT NOT NULL DEFAULT 0,
	for_women	BIGINT NOT NULL DEFAULT 0,
	for_lvb		BIGINT NOT NULL DEFAULT 0,
	free_places	BIGINT NOT NULL DEFAULT 0 CHECK (free_places >= 0),
	waiting_weeks	BIGINT NOT NULL DEFAULT 0 CHECK (waiting_weeks >= 0),
	offer_updated_at BIGINT,
	offer_updated_by BIGINT REFERENCES app_user (id),
	capacity_updated_at BIGINT,
	capacity_updated_by BIGINT REFERENCES app_user (id)
);

CREATE TABLE provider_care (
	need		TEXT NOT NULL,		-- help-needs catalogue id
	org_id		BIGINT NOT NULL REFERENCES org (id),
	PRIMARY KEY (need, org_id)
);
CREATE INDEX provider_care_org ON provider_care (org_id);

CREATE TABLE provider_muni (
	municipality	TEXT NOT NULL REFERENCES municipality (code),
	org_id		BIGINT NOT NULL REFERENCES org (id),
	PRIMARY KEY (municipality, org_id)
);
CREATE INDEX provider_muni_org ON provider_muni (org_id);

CREATE TABLE provider_region (
	region_id	BIGINT NOT NULL REFERENCES region (id),
	org_id		BIGINT NOT NULL REFERENCES org (id),
	PRIMARY KEY (region_id, org_id)
);
CREATE INDEX provider_region_org ON provider_region (org_id);

CREATE TABLE provider_language (
	org_id		BIGINT NOT NULL REFERENCES org (id),
	lang		TEXT NOT NULL CHECK (length(lang) = 2),
	PRIMARY KEY (org_id, lang)
);
