-- reserved: 0015_sms_delivery_speed (filled in by its feature)
SELECT 1;
