-- Extensions and the IMMUTABLE unaccent wrapper used by every diacritic-insensitive search.
-- unaccent() itself is STABLE (it depends on search_path), so it cannot back an index or a
-- generated column; the wrapper pins the dictionary explicitly.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE OR REPLACE FUNCTION loa_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
