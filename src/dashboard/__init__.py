"""Briefing dashboard: a bilingual companion to a chapter on Russia's war against Ukraine."""
