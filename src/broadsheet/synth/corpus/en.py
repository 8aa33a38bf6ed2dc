"""English articles (fictional; written for broadsheet)."""

TEXT = r"""
=== article en-ferry
# Harbour ferry fares to rise for first time since 2020
## Operator blames fuel costs; commuter groups call increase 'a tax on the outlying islands'
@ By Jane Doe
Ferry fares between Central and the outlying islands will rise by an average of 7.5 per cent from January, the operator announced yesterday, the first increase since 2020.
The company said fuel now accounts for nearly 40 per cent of its running costs, up from a quarter five years ago. "We have held fares as long as we could," said managing director Patrick Lam.
A single adult trip to Cheung Chau on the ordinary ferry will cost HK$15.90, up from HK$14.80. Fast-ferry fares will climb to HK$28.40.
Commuter groups reacted angrily. "For people who live on the islands this is not a choice, it is a tax," said Melissa Wong of the Islands Residents' Alliance, who often takes the 7.30am sailing to work.
### Subsidy review
The Transport Department said it would review the existing subsidy scheme, which covered HK$210 million of the operator's costs last year, and report back to lawmakers by March.
! Passengers board an outlying-island ferry at the Central piers. | Reuters
~ (Additional reporting by Tom Chan)

=== article en-startup
# Student-built satellite clears final test before launch
@ By Rachel Ng
A shoebox-sized satellite designed by university students passed its final vibration test on Tuesday, clearing the way for a launch aboard a commercial rocket next spring.
The 4kg CubeSat, named Kestrel-1, will carry a small camera to photograph air pollution over the Pearl River Delta. The 18-member team spent three years building it, mostly in the evenings.
"Thank you, thank you — honestly, we didn't believe it would pass on the first try," said team leader Daniel Ho, 22, after engineers confirmed that every circuit had survived the shaking.
The project cost about HK$1.2 million, funded by the university and two private donors. The team plans to publish all of its images online free of charge.
! Team members inspect Kestrel-1 in a clean room. | Photo by Rachel Ng
~ (Additional reporting by Grace Kim)

=== article en-council
# Council votes to close Elm Street to cars on weekends
@ By Michael Grant
The city council voted 7-2 on Monday night to close four blocks of Elm Street to motor traffic every Saturday and Sunday from May, turning the commercial strip into a pedestrian plaza.
Supporters said a six-month trial last year had increased foot traffic by 31 per cent and brought new life to shops that had struggled since the pandemic.
"People came, they stayed, they spent money," said Councilwoman Linda Park, who sponsored the measure. "Why would we go back?"
Opponents, including several restaurant owners on neighbouring streets, argued that the closure pushes traffic into residential areas. Councilman Robert Hayes said he had received more than 200 emails from residents worried about congestion.
### What changes
Delivery vehicles will be allowed on Elm Street before 10am. The city will add two bus stops on Main Avenue and extend free parking at the municipal garage to four hours.
- Closure hours: 10am to 9pm, Saturdays and Sundays
- Blocks affected: 100 to 400 Elm Street
- Start date: May 2, 2027
The measure will be reviewed after one year.
! Shoppers crowd Elm Street during last year's trial closure. | AP Photo
~ (Additional reporting by Sara Lopez)

=== article en-drought
# Reservoir levels fall to lowest in a decade
@ By Priya Raman
Water levels at the region's three main reservoirs have dropped to 38 per cent of capacity, the lowest in ten years, after the driest autumn on record.
The water authority urged households to cut consumption by 10 per cent and said it would ban garden hoses from December 1 if rainfall does not improve.
Farmers in the valley said they had already cut back on planting. "We have been through dry years before, but this one feels different," said third-generation grower Alan McBride.
Forecasters expect some relief in mid-December, when a series of wet fronts is predicted to reach the coast.
! The exposed bed of Lake Marlow, where water has receded by 40 metres. | AFP

=== article en-museum
# Dinosaur skeleton returns after two-year restoration
@ By Olivia Brooks
Tilly, the 12-metre skeleton that has greeted visitors at the Natural History Museum since 1965, returned to the main hall on Saturday after a two-year restoration.
Conservators replaced 140 plaster bones with lightweight resin casts and re-posed the skull to reflect current research into how the animal held its head.
"Children used to ask why she looked so sad," said chief conservator Hannah Kerr. "Now she looks like she's about to go for a walk."
More than 6,000 people visited on the first day, the museum said, many of them families who remembered the skeleton from their own childhood.
"I came here with my grandfather in 1978," said retired teacher Peter Quinn, who brought his granddaughter. "She was laughing the whole time — ha ha ha — at the size of the feet."
Admission to the main hall remains free.
! Tilly, restored, in the museum's main hall. | Museum handout
~ (Additional reporting by Ben Carter)

=== article en-rent
# Renters face steepest increase in five years
## Average monthly rent tops $2,400; advocates urge cap
@ By Jane Doe
Average rents in the metropolitan area rose 9.2 per cent in the year to October, the fastest pace since 2021, according to figures released on Thursday by the regional housing board.
A typical two-bedroom flat now costs $2,410 a month, up from $2,205 a year earlier. Rents rose fastest in the inner suburbs, where new rail links opened last year.
Tenant advocates called for a temporary cap on increases. "Wages are not rising at anything like this speed," said Carla Diaz of Renters United. "People are being pushed out of neighbourhoods they have lived in for decades."
Landlord groups said higher interest rates and insurance costs had left owners with little choice. "Most of our members own one or two properties," said Graham Fisher of the Property Owners Association. "They are not getting rich."
### New supply
The board said about 11,000 new homes were due for completion next year, which could ease pressure by late 2027.
Economists were cautious. "Supply helps, but it takes time," said university economist Dr. Naomi Lee. "In the meantime, the people who feel it most are young renters and older people on fixed incomes."
The state housing minister is expected to respond to calls for a cap next week.
! A row of new apartment blocks in the inner suburbs. | Reuters
~ (Additional reporting by Kevin O'Neill)

=== article en-cricket
# Late collapse costs county side the title
@ By Sam Wilson
Needing 42 runs from the final eight overs with six wickets in hand, Westbridge lost five wickets for 19 runs and handed the championship to Eastmoor on the last day of the season.
Captain Joe Fletcher was blunt afterwards. "We had it, and we let it go. That's on all of us," he said.
Eastmoor's spinner Ravi Patel took four wickets for 11 runs in a spell that turned the match. It is the club's first title since 1998.
! Eastmoor players celebrate the winning wicket. | Getty Images

=== article en-clinic
# Night clinic for shift workers opens downtown
@ By Grace Kim
A walk-in medical clinic that opens at 8pm and closes at 6am started seeing patients this week, aimed at nurses, drivers, cleaners and others who work through the night.
The clinic, run by a non-profit health group, treated 54 people in its first three nights, mostly for minor injuries, infections and prescription renewals.
"My shift ends at 4am and every clinic opens at nine," said bus driver Omar Haddad. "Until now I would just wait, or go to the emergency room."
Dr. Elena Russo, the clinic's medical director, said the service would run as a two-year pilot funded by the city. "If it works here, there's no reason it can't work in every district," she said.
- Hours: 8pm to 6am, Monday to Saturday
- Cost: free with a health card
- Address: 212 King Street
~ (Additional reporting by Liam Scott)

=== article en-bees
# Rooftop beehives buzz on office towers
@ By Hannah Moore
Forty-two office buildings in the financial district now keep beehives on their roofs, up from just five in 2020, according to the city's beekeeping association.
The hives produced about 900kg of honey this year, much of it sold in building lobbies or given to staff. Association chairman Victor Tan said the bees travel up to three kilometres to feed in parks and on balcony gardens.
Not everyone is delighted. A handful of tenants have complained about bees near air-conditioning vents, and two buildings removed their hives after staff raised allergy concerns.
### Training required
Under new guidelines, every rooftop hive must be registered and inspected twice a year by a certified keeper.
! A beekeeper checks a hive on the roof of an office tower. | Photo by Hannah Moore

=== article en-election
# Mayor narrowly wins second term after recount
@ By Michael Grant
Mayor Diane Carter won a second term by 312 votes on Friday after a three-day recount confirmed her lead over challenger Steven Ruiz.
Carter told supporters at City Hall that she would focus on housing and public transport. "It was close — very close — and I heard the message," she said. "Half of this city wants something different, and I intend to listen."
Ruiz conceded in a short statement, thanking volunteers and urging residents to stay involved. He did not rule out running again.
Turnout was 46 per cent, up from 39 per cent four years ago.
! Mayor Diane Carter speaks at City Hall after the recount. | Reuters
~ (Additional reporting by Sara Lopez)

=== article en-bakery
# Village bakery saved by crowdfunding
@ By Emily Clarke
A village bakery that has sold bread on the same corner since 1931 will stay open after customers raised more than $85,000 in three weeks to buy new ovens.
Owners Tom and Margaret Bell had planned to close in December after both of their ovens failed a safety inspection. "We thought that was it," said Margaret Bell. "Then people just kept giving… we still can't quite believe it."
More than 1,400 people contributed, some from overseas. One donor in Canada wrote that she had bought her wedding cake there in 1972.
The new ovens will be installed in January. The Bells said every donor would receive a free loaf — "thank you, thank you, thank you," read a sign in the shop window on Tuesday.
! Margaret Bell in the bakery's front window. | Photo by Emily Clarke
~ (Additional reporting by Ben Carter)

=== article en-storm
# Storm cuts power to 40,000 homes
@ By Priya Raman
High winds brought down trees and power lines across the northern suburbs overnight, leaving about 40,000 homes without electricity on Sunday morning.
The utility said crews had restored power to most customers by evening but warned that some rural areas could wait until Tuesday.
Emergency services answered more than 600 calls. No serious injuries were reported.
~ (Additional reporting by Tom Chan)

=== article en-chess
# Eleven-year-old becomes youngest national chess champion
@ By Rachel Ng
An 11-year-old schoolgirl from Riverside became the youngest national chess champion in the country's history on Sunday, winning the final round with a quiet endgame that left older opponents shaking their heads.
Mei Lin Zhou, who learned to play on a folding board in her grandmother's kitchen, finished the nine-round tournament with seven wins and two draws.
"I was nervous in every game," she said. "But when I'm nervous I play slowly, and playing slowly is good."
Her coach, former champion Andrew Novak, said she studies for about two hours a day, "and then she goes outside to ride her bike, which is exactly right".
### Next stop: the world youth championship
Zhou will represent the country at the world youth championship in Batumi in September. The chess federation said it would cover her travel costs.
Her school is planning a celebration on Monday. "We are very, very proud," said principal Karen Doyle.
! Mei Lin Zhou during the final round of the national championship. | AFP
~ (Additional reporting by Liam Scott)

=== article en-market
# Farmers' market moves indoors for winter
@ By Emily Clarke
The Saturday farmers' market will move into the old train shed on Wharf Road from December, organisers said, ending years of stalls battling wind and rain on the waterfront.
About 60 stallholders signed up for the indoor season, selling vegetables, cheese, bread and flowers. The shed, empty since 2019, was repaired with a $400,000 grant from the city.
"Customers kept telling us they loved the market but hated the weather," said market manager Julia Moss. "Now they have no excuse."
The market will run from 8am to 1pm every Saturday until the end of March.
! Stallholders set up tables inside the old train shed. | Photo by Emily Clarke
~ (Additional reporting by Liam Scott)

=== article en-library-fines
# Library scraps overdue fines, and the books come back
@ By Olivia Brooks
Six months after the city library stopped charging late fees, more than 4,000 overdue books have been returned, some of them decades late.
One copy of a 1987 gardening guide came back with a handwritten note: "Sorry. My mother borrowed this. She would want you to have it back."
Head librarian Samuel Okafor said membership had risen 12 per cent since the change. "Fines were keeping people away, especially families," he said. "A library should not feel like a place you owe money to."
The change costs the library about $30,000 a year in lost fees, less than it used to spend chasing them.
### What readers can expect
- No fines on books, films or magazines
- Lost items are still charged at replacement cost
- Borrowing limit raised from 10 to 15 items
~ (Additional reporting by Grace Kim)

=== box en-box-ferry
# New fares at a glance
- Cheung Chau ordinary: HK$15.90
- Cheung Chau fast: HK$28.40
- Lamma (Yung Shue Wan): HK$20.70

=== box en-box-water
# How to save water
- Take shorter showers
- Fix dripping taps
- Run dishwashers only when full
- Water gardens after sunset
"""
