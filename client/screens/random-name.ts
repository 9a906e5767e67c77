// A random friendly name ("Curious Nautilus"): home's Random, and "Another name" where a room or a
// homework takes generated names only.
import { friendlyName } from "../../shared/friendly-names";
import { Random } from "../../shared/random";

export const randomName = () => friendlyName(new Random(`${Date.now()}:${Math.random()}`));
