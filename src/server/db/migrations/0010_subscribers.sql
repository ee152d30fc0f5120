-- 0010_subscribers: reserved; the helper building it replaces this line.
SELECT 1;
