CREATE TABLE added_in_v2 (x INT);
