-- PostgreSQL: ranking merchants for an offered project (service/project_offer) reads, besides
-- the intention tokens and the offer's city, every merchant whose own enterprise is in the
-- offer's industry section.
CREATE INDEX merchant_industry_section ON merchant (industry_section);
