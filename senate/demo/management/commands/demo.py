from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from senate.demo import world
from senate.members.models import MemberProfile
from senate.search import following, indexing


class Command(BaseCommand):
    help = "Build the fictional demo world: all nine Senates with Councils and Assemblies, and demo sign-ins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", choices=sorted(world.SCALES), default="demo")
        parser.add_argument("--seed", type=int, default=2013)
        parser.add_argument("--if-empty", action="store_true", help="Do nothing if members already exist.")

    def handle(self, *args: object, scale: str, seed: int, if_empty: bool, **options: object) -> None:
        if MemberProfile.objects.exists():
            if if_empty:
                self.stdout.write("The demo world is already built.")
                self._print_sign_ins()
                return
            raise CommandError(
                "The database already has members. Use a fresh database (make reset) to rebuild the demo."
            )
        bar = lambda items, label, total: tqdm(items, desc=label, total=total, file=self.stderr._out)  # noqa: E731
        following.PAUSED["on"] = True  # indexed once at the end, not request by request as it is built
        try:
            result = world.build(scale=scale, seed=seed, progress=bar)
        finally:
            following.PAUSED["on"] = False
        indexing.reindex(progress=lambda items, total: bar(items, "Search index", total))
        total = sum(result["members"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Built {total} members in {len(result['members'])} Senates and {result['organisations']} fictional organisations."
            )
        )
        self._print_sign_ins()

    def _print_sign_ins(self) -> None:
        self.stdout.write(f"\nDemo sign-ins (password for all: {world.DEMO_PASSWORD}):")
        for local, _name, role, _m in world.SIGN_INS:
            self.stdout.write(f"  {role.label:<40} {local}@demo.senate.example")
        local, _name, national = world.NATIONAL_SIGN_IN
        self.stdout.write(f"  {national.label:<40} {local}@demo.senate.example")
        self.stdout.write(f"  {'System administrator':<40} admin@demo.senate.example\n")
