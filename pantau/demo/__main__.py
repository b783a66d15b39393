"""`python -m pantau.demo [--scale demo|national] [--seed N] [--no-activate]`."""
import argparse
import time

from pantau.demo import SEED, generate


def main() -> None:
    p = argparse.ArgumentParser(description="Write a demo dataset version (deterministic for a seed).")
    p.add_argument("--scale", choices=("demo", "national"), default="demo")
    p.add_argument("--seed", type=int, default=SEED)
    p.add_argument("--no-activate", action="store_true", help="write the version without making it active")
    args = p.parse_args()
    mulai = time.perf_counter()
    versi = generate(args.scale, args.seed, aktifkan=not args.no_activate)
    print(f"{versi.id}: {versi.baris} in {time.perf_counter() - mulai:.1f} s -> {versi.path}")


if __name__ == "__main__":
    main()
