// What each age group's hub page says about children of that age online.
import type { AgeGroupSlug } from "@/lib/guides/age-groups";

export const AGE_HUBS: Record<AgeGroupSlug, { intro: string; online: string[] }> = {
  "4-7": {
    intro:
      "Children of 4 to 7 are starting to use tablets and phones on their own, often on a family device. They trust people easily and like to please. Simple rules, said often, work best at this age.",
    online: [
      "Watching videos and cartoons on kids' video apps",
      "Playing simple games, some with chat or other players",
      "Talking to voice assistants and smart speakers",
      "Video calls with family",
    ],
  },
  "8-10": {
    intro:
      "Children of 8 to 10 often get their first own device. They play online games with chat, watch YouTubers and want to copy older children. They start to keep some things to themselves.",
    online: [
      "Online games with chat, voice and in-game money",
      "Watching and following YouTubers and streamers",
      "First messaging apps and group chats with friends",
      "Making and sharing their own videos",
    ],
  },
  "11-13": {
    intro:
      "Children of 11 to 13 are starting secondary school, and many get their first smartphone. Group chats and social media become a big part of friendship, even before the age limit of 13.",
    online: [
      "Group chats with classmates, often late into the evening",
      "Social media, with followers, likes and comments",
      "Going live or watching others live stream",
      "Gaming with people they have never met",
    ],
  },
  "14-17": {
    intro:
      "Teenagers of 14 to 17 use their phones on their own and value their privacy. Online life is mixed up with friendships, dating and how they see themselves. You are less a supervisor now and more a safe person to come to.",
    online: [
      "Social media and messaging, most of the day",
      "Dating, crushes and relationships that start or carry on online",
      "Live streaming to friends or to strangers",
      "Sharing photos and videos, some of which can't be taken back",
    ],
  },
};
