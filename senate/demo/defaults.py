"""What every part of the demo world shares: the password of every demo sign-in, the Senate the demo
opens on, and the reason its grants and appointments are recorded with."""

DEMO_PASSWORD = "senate-demo-2026"
DEMO_SENATE = "south-west"
DEMO_REASON = "The demo world"
