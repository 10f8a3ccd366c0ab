"""Plugin plumbing shared by the UI and Processing: logging, preferences."""
