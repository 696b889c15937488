#pragma once

// Word lists for coffer-gen-refdb: the vocabulary its customers, orders and events are made of.
// Small lists keep the text as repetitive as real application data; changing them changes every
// reference database, and with it the benchmark figures.

#include <string_view>
#include <vector>

namespace refdb {

// clang-format off
using Words = std::vector<std::string_view>;

inline const Words kFirstNames = {
    "James",  "Mary",    "Robert",  "Patricia", "John",    "Jennifer", "Michael", "Linda",   "David",   "Elizabeth",
    "William", "Barbara", "Richard", "Susan",    "Joseph",  "Jessica",  "Thomas",  "Sarah",   "Charles", "Karen",
    "Daniel",  "Nancy",   "Matthew", "Lisa",     "Anthony", "Betty",    "Mark",    "Margaret", "Donald", "Sandra",
    "Steven",  "Ashley",  "Paul",    "Kimberly", "Andrew",  "Emily",    "Joshua",  "Donna",   "Kenneth", "Michelle",
    "Kevin",   "Carol",   "Brian",   "Amanda",   "George",  "Dorothy",  "Timothy", "Melissa", "Ronald",  "Deborah",
    "Ahmed",   "Fatima",  "Wei",     "Mei",      "Hiroshi", "Yuki",     "Lars",    "Ingrid",  "Pierre",  "Amélie",
    "Jürgen",  "Zofia",   "Mateo",   "Lucía",    "Olusegun", "Chiamaka", "Arjun",  "Priya",   "Dmitri",  "Olga",
};
inline const Words kLastNames = {
    "Smith",    "Johnson",  "Williams", "Brown",   "Jones",   "Garcia",   "Miller",   "Davis",     "Rodriguez", "Martinez",
    "Hernandez", "Lopez",   "Gonzalez", "Wilson",  "Anderson", "Thomas",  "Taylor",   "Moore",     "Jackson",   "Martin",
    "Lee",      "Perez",    "Thompson", "White",   "Harris",  "Sanchez",  "Clark",    "Ramirez",   "Lewis",     "Robinson",
    "Walker",   "Young",    "Allen",    "King",    "Wright",  "Scott",    "Torres",   "Nguyen",    "Hill",      "Flores",
    "Müller",   "Schmidt",  "Dubois",   "Lefèvre", "Rossi",   "Bianchi",  "Kowalski", "Nowak",     "Jensen",    "Hansen",
    "Tanaka",   "Suzuki",   "Wang",     "Li",      "Zhang",   "Okafor",   "Adeyemi",  "Patel",     "Sharma",    "Ivanov",
};
inline const Words kStreets = {
    "Main",   "Oak",    "Pine",    "Maple",    "Cedar",   "Elm",      "Washington", "Lake",    "Hill",   "Park",
    "Church", "Mill",   "Station", "Victoria", "King's",  "Queen",    "Bridge",     "River",   "Market", "School",
    "Rue de la Paix", "Hauptstraße", "Via Roma", "Calle Mayor", "Ulica Długa", "Sakura-dori", "Harbour", "Meadow",
};
inline const Words kStreetKinds = {"Street", "Avenue", "Road", "Lane", "Drive", "Court", "Way", "Place", "Boulevard"};
inline const Words kCities = {
    "Springfield", "Riverside", "Franklin", "Greenville", "Bristol",  "Clinton",  "Fairview", "Salem",   "Madison",
    "Georgetown",  "London",    "Paris",    "Berlin",     "Madrid",   "Rome",     "Warsaw",   "Lagos",   "Mumbai",
    "Tokyo",       "Osaka",     "Toronto",  "Melbourne",  "São Paulo", "Nairobi", "Oslo",     "Lyon",    "Hamburg",
};
inline const Words kCountries = {"US", "GB", "FR", "DE", "ES", "IT", "PL", "NG", "IN", "JP", "CA", "AU", "BR", "KE", "NO"};
inline const Words kMailDomains = {"example.com", "mail.example.org", "corp.example.net", "example.co.uk", "post.example.de"};
inline const Words kVocabulary = {
    "the",       "customer",  "asked",     "about",    "delivery",  "to",       "and",       "a",          "for",
    "with",      "order",     "was",       "late",     "again",     "please",   "call",      "before",     "noon",
    "prefers",   "email",     "contact",   "invoice",  "sent",      "address",  "changed",   "last",       "month",
    "account",   "manager",   "discount",  "applied",  "on",        "renewal",  "package",   "left",       "at",
    "reception", "signature", "required",  "fragile",  "items",     "handle",   "care",      "returned",   "damaged",
    "refund",    "issued",    "after",     "review",   "loyal",     "since",    "first",     "purchase",   "wholesale",
    "pricing",   "agreed",    "quarterly", "business", "hours",     "only",     "weekend",   "closed",     "warehouse",
    "shipment",  "tracking",  "number",    "confirmed", "support",  "ticket",   "resolved",  "escalated",  "billing",
    "dispute",   "credit",    "limit",     "raised",   "lowered",   "payment",  "terms",     "net",        "thirty",
    "days",      "preferred", "carrier",   "express",  "standard",  "pallet",   "delivery",  "slot",       "morning",
    "afternoon", "gate",      "code",      "building", "floor",     "suite",    "office",    "parking",    "loading",
    "dock",      "new",       "contract",  "signed",   "pending",   "approval", "from",      "finance",    "team",
};
inline const Words kOrderStatus = {"pending", "paid", "shipped", "delivered", "delivered", "delivered", "cancelled", "refunded"};
inline const Words kCurrencies = {"EUR", "USD", "GBP", "USD", "EUR", "PLN", "JPY"};
inline const Words kEventKinds = {"login", "logout", "page_view", "page_view", "page_view", "search", "add_to_cart",
                           "checkout", "payment_failed", "password_reset", "api_call", "api_call"};
inline const Words kPages = {"/", "/products", "/products/item", "/cart", "/checkout", "/account", "/orders",
                      "/search", "/help/shipping", "/help/returns", "/api/v2/orders", "/api/v2/customers"};
inline const Words kAgents = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
    "okhttp/4.12.0",
    "python-requests/2.31.0",
};
// clang-format on

} // namespace refdb
