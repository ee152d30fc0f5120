-- reserved: 0013_broadcast_windows (filled in by its feature)
SELECT 1;
