"""The coach: instant, local, explainable feedback on what a user writes."""
