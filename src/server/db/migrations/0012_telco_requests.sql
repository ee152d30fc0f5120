-- reserved: 0012_telco_requests (filled in by its feature)
SELECT 1;
