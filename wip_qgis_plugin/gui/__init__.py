"""Dock panels, widgets and background tasks of the plugin."""
