"""routes: read flight reports and route lists, draw their great-circle legs."""
