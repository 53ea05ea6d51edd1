"""If this ran in place of the grader's worker, it would report success whatever the specs ask."""
import sys

print("the student's own worker ran", file=sys.stderr)
sys.exit(3)
