"""The museum kiosk: config, idle reset, attract screen, staff menu, statistics and supervisor."""
