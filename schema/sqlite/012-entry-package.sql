-- 11 -> 12: the index of entries by package goes.  No statement reads
-- entries by package any more (a balance reads package_use and
-- package_month, an export by package filters with an OR that no index
-- serves), packages are never deleted, and every entry of an import paid
-- for it: 8% of the instructions of a 20,000-row hours-log --csv.
DROP INDEX entry_package;
