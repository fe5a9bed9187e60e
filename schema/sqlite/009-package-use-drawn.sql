-- 8 -> 9: what each package drew, read from an index.  A balance reads
-- the draws of its packages (package_id, day, minutes) in key order:
-- the primary key's index holds the first two, and each row cost a seek
-- into the table for its minutes; this index holds all three.
CREATE INDEX package_use_drawn ON package_use (package_id, day, minutes);
