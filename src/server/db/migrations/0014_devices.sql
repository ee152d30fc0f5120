-- reserved: 0014_devices (filled in by its feature)
SELECT 1;
