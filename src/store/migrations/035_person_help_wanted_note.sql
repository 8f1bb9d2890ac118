-- 其他需求: needs a sheet names outside the list of help kinds (子女入学, 土地流转 …), kept as text
-- beside help_wanted instead of being dropped, as skills outside the dictionary go to skills_note.
ALTER TABLE person ADD COLUMN help_wanted_note TEXT;
