namespace Grounded.Guards.Pii;

/// <summary>
/// Common given names, written for this project from general knowledge of the most frequent names in the US (census
/// and birth-record style rankings) and a few hundred frequent across Europe and Latin America. They were not copied
/// from Faker, Presidio or any evaluation set; frequent names are frequent everywhere, so such sets will share many of
/// them, which is why the PII figures are reported with these lists on and off.
/// </summary>
internal static class FirstNames
{
    /// <summary>The names, separated by spaces.</summary>
    public const string All =
        // US, women
        "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra Ashley "
        + "Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen "
        + "Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen Samantha Katherine Christine Debra Rachel Carolyn Janet "
        + "Catherine Maria Heather Diane Ruth Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith "
        + "Megan Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Sara Madison Frances Kathryn Janice Jean Abigail "
        + "Alice Judy Sophia Denise Amber Doris Marilyn Danielle Beverly Isabella Theresa Diana Natalie Brittany Charlotte "
        + "Marie Kayla Alexis Lori Tiffany Tammy Crystal Courtney Erin Kristen Alyssa Ava Mia Chloe Ella Grace Lily Zoe "
        + "Natasha Vanessa Veronica Valerie Wendy Yvonne Sylvia Rita Rosa Irene Lillian Lois Norma Phyllis Paula Peggy "
        + "Annie Anne Ellen Eleanor Elaine Edith Esther Florence Gladys Hazel Ida Iris Jane Josephine June Kathy Katie "
        + "Leah Lucy Mildred Monica Nora Pauline Penny Priscilla Regina Roberta Rose Ruby Sally Stella Susie Tanya Tracy "
        + "Vera Vivian Wanda Jodi Joanne Jill Gina Erica Dana Claire Caroline Bonnie Audrey Allison Alexandra Adriana "
        + "Bethany Carla Cassandra Colleen Dawn Eva Felicia Georgia Gabriela Gabrielle Holly Jasmine Jenna Kristin Kristina "
        + "Leslie Lindsay Marissa Melanie Meredith Miranda Molly Naomi Nina Paige Rachael Sabrina Shannon Sierra Sophie "
        + "Tara Taylor Tina Vicki Whitney Yolanda Abby Aubrey Brooke Camila Elena Isabel Jade Jenny Julia Kate Kendra "
        + "Kylie Leila Lena Lucia Luna Maya Mckenzie Mariah Nadia Nathalie Nellie Riley Scarlett Stacy Sue Trisha Violet "
        + "Layla Aria Harper Avery Evelynn Penelope Hailey Addison Autumn Savannah Brooklyn Bella Claudia Daisy Delia "
        + "Diane Elisa Eliza Emilia Estelle Freya Gemma Heidi Ingrid Irina Ivana Jana Joanna Karin Katarina Kira Laila "
        + "Lara Linnea Magda Margot Marta Martina Matilda Mila Miriam Monika Nadine Olga Petra Raquel Sandra Silvia Simone "
        + "Sofia Sonia Svetlana Tatiana Ursula Valentina Wilma Ximena Yasmin Zara Agnes Astrid Beatrix Birgit Brigitte "
        + "Camille Chantal Christa Elise Emilie Fatima Francesca Giovanna Giulia Hanne Helga Ines Inga Isabelle Jeanne "
        + "Johanna Julieta Juliette Karolina Katharina Liliana Lorena Lucie Manon Mathilde Mette Mireille Noemi Paola "
        + "Renata Sabine Sigrid Stefania Susanne Tereza Ulrike Veronika Zofia Zuzana Alba Ana Carmen Dolores Guadalupe "
        + "Josefina Juana Leticia Lourdes Luisa Marisol Mercedes Pilar Rocio Rosario Alma Beatriz Cristina Fernanda "
        + "Marcela Mariana Natalia Patricia Adriana Elin Maja Aino Saara Anni Anneli Kerstin Malin "
        // US, men
        + "James Robert John Michael David William Richard Joseph Thomas Christopher Charles Daniel Matthew Anthony Mark "
        + "Donald Steven Andrew Paul Joshua Kenneth Kevin Brian George Timothy Ronald Jason Edward Jeffrey Ryan Jacob Gary "
        + "Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Patrick Frank "
        + "Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Zachary Douglas Peter Kyle Noah Ethan Jeremy "
        + "Walter Christian Keith Roger Terry Austin Sean Gerald Carl Harold Dylan Arthur Lawrence Jordan Jesse Bryan "
        + "Billy Bruce Gabriel Joe Logan Alan Juan Albert Willie Elijah Wayne Randy Vincent Mason Roy Ralph Bobby Russell "
        + "Bradley Philip Eugene Liam Oliver Lucas Aiden Jackson Sebastian Caleb Owen Luke Isaac Connor Hunter Eli Landon "
        + "Wyatt Carter Julian Grayson Leo Jaxon Lincoln Levi Isaiah Hudson Cameron Evan Colton Adrian Dominic Xavier "
        + "Jaden Gavin Chase Cooper Parker Blake Bryce Cole Derek Devin Dustin Edwin Erik Felix Francis Fred Frederick "
        + "Glenn Gordon Grant Harry Herbert Howard Ian Ivan Jared Jay Jim Jimmy Joel Johnny Jon Karl Kurt Lance Leon "
        + "Leonard Lewis Louis Luis Manuel Marcus Mario Martin Marvin Max Melvin Mike Miguel Mitchell Neil Nick Norman "
        + "Oscar Pedro Phillip Ricardo Rick Ricky Roberto Rodney Ron Ross Ruben Shane Shawn Stanley Stuart Ted Theodore "
        + "Todd Tom Tommy Tony Travis Trevor Troy Victor Warren Wesley Carlos Antonio Jorge Alejandro Fernando Javier "
        + "Diego Rafael Sergio Andres Eduardo Raul Alberto Enrique Hector Arturo Cesar Francisco Emilio Gustavo Hugo "
        + "Ignacio Joaquin Julio Lorenzo Marco Matteo Mateo Nicolas Octavio Pablo Ramon Santiago Tomas Alfonso Armando "
        + "Matheus Thiago Rodrigo Bruno Gabriel Leonardo Vitor Andre Fabio Giovanni Giuseppe Luca Alessandro Francesco "
        + "Stefano Andrea Massimo Pietro Salvatore Vittorio Benito Jean Pierre Jacques Michel Philippe Alain Claude "
        + "Olivier Nicolas Julien Antoine Mathieu Laurent Thierry Yves Hans Klaus Jürgen Wolfgang Dieter Günter Stefan "
        + "Uwe Jens Lars Sven Nils Anders Magnus Henrik Jan Johan Per Olaf Ole Erik Karl Fredrik Gustav Mikael Niklas "
        + "Bjorn Björn Jonas Mats Mattias Pekka Juha Jari Mikko Timo Matti Antti Jukka Piotr Krzysztof Tomasz Pawel "
        + "Marek Michal Jakub Lukasz Andrzej Wojciech Dmitri Sergei Alexei Andrei Vladimir Nikolai Mikhail Pavel Yuri "
        + "Igor Boris Oleg Viktor Janos Laszlo Istvan Zoltan Tamas Petr Jiri Josef Tomas Vaclav Milan Goran Dragan "
        + "Ahmed Ali Mohamed Mohammed Muhammad Omar Hassan Hussein Ibrahim Khalid Mustafa Yusuf Idris Kenji Hiroshi "
        + "Takashi Yuki Wei Ming Jun Hao Raj Ravi Arjun Rahul Vikram Sanjay Amit Kofi Kwame Emeka Tunde Cormac Liam "
        + "Declan Seamus Niall Rory Ciaran Darragh Eoin Hamish Angus Callum Alasdair Dafydd Rhys Owain Gareth Dexter "
        + "Manny Maurice Leroy Reginald Clarence Curtis Dale Darren Duane Earl Ernest Floyd Gene Glen Herman Jerome "
        + "Lloyd Lonnie Marshall Nelson Perry Rex Roland Sidney Vernon Wallace Calvin Clifford Cecil Chester Clyde "
        + "Milton Morris Oswald Percy Rupert Toby Tristan Victor Wade Zane Kai Ezra Silas Jasper Miles Theo Axel";
}
