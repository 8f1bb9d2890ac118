-- SQLite: the in-memory merchant index (service/merchant_facets) also ranks merchants for an
-- offered project (service/project_offer), so the change log must carry what that ranking reads:
-- the intention's industries, amount range and regions, and the contacts logged with a merchant.
DROP TRIGGER merchant_change_update;
CREATE TRIGGER merchant_change_update
AFTER UPDATE OF hometown_code, created_by, case_worker_id, verified_on, industry,
  industry_section, intention_strength, enterprise_size, operating_status, influence, categories,
  tags, intention_industries, intention_min_wan, intention_max_wan, intention_regions ON merchant
BEGIN
  INSERT INTO merchant_change (merchant_id) VALUES (NEW.id);
END;
CREATE TRIGGER merchant_change_contact_insert AFTER INSERT ON merchant_contact BEGIN
  INSERT INTO merchant_change (merchant_id) VALUES (NEW.merchant_id);
END;
CREATE TRIGGER merchant_change_contact_update AFTER UPDATE OF merchant_id ON merchant_contact
BEGIN
  INSERT INTO merchant_change (merchant_id) VALUES (OLD.merchant_id);
  INSERT INTO merchant_change (merchant_id) VALUES (NEW.merchant_id);
END;
CREATE TRIGGER merchant_change_contact_delete AFTER DELETE ON merchant_contact BEGIN
  INSERT INTO merchant_change (merchant_id) VALUES (OLD.merchant_id);
END;
