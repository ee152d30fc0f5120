-- 0011_broadcasts: reserved; the helper building it replaces this line.
SELECT 1;
