-- The language a staff member reads the staff pages in (a BCP 47 tag Chorus ships); NULL
-- follows the deployment's default language.
ALTER TABLE staff ADD COLUMN language TEXT;
